package io.chartascode.envapp;

/**
 * Ready from start until shutdown begins, then draining for good. /readyz reports it, and while
 * draining every response also carries {@code Connection: close} so keep-alive clients move on.
 */
final class Readiness {

  private volatile boolean draining;

  boolean isReady() {
    return !draining;
  }

  void markDraining() {
    draining = true;
  }
}
