package com.example;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import java.util.List;

/** The shop after a bad edit: prod asks for the tag the model forbids. */
public final class BrokenShop extends Shop {
  @Override
  public List<Application> applications() {
    return List.of(application(Environment.builder("prod").namespace("shop").setUnchecked(TAG, "latest").build()));
  }
}
