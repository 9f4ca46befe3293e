package io.chartascode.generator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Function;

/**
 * Maps a list on as many threads as the JVM has processors, in the list's order. The threads carry
 * the caller's context class loader: in a Maven plugin that is the plugin's realm, where a model's
 * own code may look up classes and resources, while the common pool's threads have the system
 * class loader. One item, or one processor ({@code -XX:ActiveProcessorCount=1}), stays on the
 * calling thread.
 */
public final class SideBySide {
  private SideBySide() {}

  public static <T, R> List<R> map(List<T> items, Function<? super T, R> function) {
    int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      List<R> results = new ArrayList<>(items.size());
      for (T item : items) {
        results.add(function.apply(item));
      }
      return results;
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ForkJoinPool pool = new ForkJoinPool(threads, forkJoinPool -> {
      ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(forkJoinPool);
      thread.setContextClassLoader(loader);
      thread.setName("chart-as-code-" + thread.getPoolIndex());
      return thread;
    }, null, false);
    try {
      return pool.submit(() -> items.parallelStream().map(function).toList()).join();
    } finally {
      pool.shutdown();
    }
  }
}
