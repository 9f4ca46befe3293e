package io.chartascode.generator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Mapping side by side: the list's order, the caller's class loader, one item on the caller's thread. */
class SideBySideTest {
  private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

  @Test
  void resultsComeInTheListsOrder() {
    assertThat(SideBySide.map(ITEMS, i -> i * 2)).isEqualTo(ITEMS.stream().map(i -> i * 2).toList());
  }

  @Test
  void everyThreadHasTheCallersContextClassLoader() {
    Thread caller = Thread.currentThread();
    ClassLoader before = caller.getContextClassLoader();
    ClassLoader realm = new URLClassLoader(new URL[0], before);
    caller.setContextClassLoader(realm);
    try {
      assertThat(SideBySide.map(ITEMS, i -> Thread.currentThread().getContextClassLoader())).containsOnly(realm);
    } finally {
      caller.setContextClassLoader(before);
    }
  }

  @Test
  void oneItemStaysOnTheCallersThread() {
    assertThat(SideBySide.map(List.of(1), i -> Thread.currentThread())).containsExactly(Thread.currentThread());
  }

  @Test
  void aFailureReachesTheCaller() {
    assertThatThrownBy(() -> SideBySide.map(ITEMS, i -> {
      if (i == 150) {
        throw new IllegalStateException("item " + i);
      }
      return i;
    })).isInstanceOf(IllegalStateException.class).hasStackTraceContaining("item 150");
  }
}
