package com.example;

import io.chartascode.testing.ChartAsCodeTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The README's kit test, as a user writes it. */
class ChartsTest {
  static final ChartAsCodeTests charts = ChartAsCodeTests.of(new ShopApi());

  @Test
  void committedTreeIsUpToDate() {
    charts.assertCommittedTreeIsUpToDate();
  }

  @TestFactory
  Stream<DynamicTest> helmLint() {
    return charts.helmLint();
  }

  @TestFactory
  Stream<DynamicTest> helmEqualsKustomize() {
    return charts.helmEqualsKustomize();
  }
}
