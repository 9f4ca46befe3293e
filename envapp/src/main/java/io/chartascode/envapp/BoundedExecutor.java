package io.chartascode.envapp;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the HTTP server's exchanges with a hard bound on how many are queued or running. One
 * exchange is one request from its first byte (the JDK reads headers on this executor) to its last
 * response byte, so {@link #inFlight()} is exactly the work a shutdown must wait for.
 *
 * <p>Over the bound, {@link #execute} throws and the JDK server closes that connection: load is
 * shed instead of queued without limit. Threads are virtual on JDK 21+, else a fixed pool.
 */
final class BoundedExecutor implements Executor {

  private final ExecutorService delegate;
  private final Semaphore permits;
  private final int limit;
  private final String description;

  private BoundedExecutor(ExecutorService delegate, int limit, String description) {
    this.delegate = delegate;
    this.permits = new Semaphore(limit);
    this.limit = limit;
    this.description = description;
  }

  static BoundedExecutor create(int maxInFlight, int platformThreads) {
    ExecutorService virtual = virtualThreadsIfAvailable();
    if (virtual != null) {
      return new BoundedExecutor(virtual, maxInFlight, "virtual(max " + maxInFlight + ")");
    }
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            platformThreads,
            platformThreads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), // bounded in effect by the permits
            namedDaemonThreads());
    pool.allowCoreThreadTimeOut(true); // idle workers go away, so thread count returns to base
    return new BoundedExecutor(
        pool, maxInFlight, "platform(" + platformThreads + ", max " + maxInFlight + ")");
  }

  @Override
  public void execute(Runnable exchange) {
    if (!permits.tryAcquire()) {
      throw new RejectedExecutionException(limit + " requests already in flight");
    }
    try {
      delegate.execute(
          () -> {
            try {
              exchange.run();
            } finally {
              permits.release();
            }
          });
    } catch (RejectedExecutionException e) {
      permits.release();
      throw e;
    }
  }

  int inFlight() {
    return limit - permits.availablePermits();
  }

  String description() {
    return description;
  }

  void shutdownNow() {
    delegate.shutdownNow();
  }

  // Compiled for Java 17, so the JDK 21 factory is looked up rather than linked.
  private static ExecutorService virtualThreadsIfAvailable() {
    if (Runtime.version().feature() < 21) {
      return null;
    }
    try {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static ThreadFactory namedDaemonThreads() {
    AtomicInteger next = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "envapp-worker-" + next.incrementAndGet());
      thread.setDaemon(true); // shutdown is explicit; a stray worker must not keep the JVM up
      return thread;
    };
  }
}
