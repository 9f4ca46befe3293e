package com.example.payments;

import io.chartascode.testing.ChartAsCodeTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** A fixed autoscaling condition renders the same objects with helm and kustomize, both tool pairs. */
class PaymentsChartsTest {
  @TestFactory
  Stream<DynamicTest> helmEqualsKustomize() {
    return ChartAsCodeTests.of(new PaymentsCatalog()).helmEqualsKustomize();
  }
}
