package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Garbage at the socket: junk, half requests, slowloris and a long sequential run. After each the
 * server must still answer; at the end its threads and heap must be back near the baseline. Nothing
 * here asserts a duration.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseTest {

  private static final int WORKERS = 4;
  private static InProcessServer app;
  private static int baselineThreads;
  private static long baselineHeap;

  @BeforeAll
  static void startAndMeasureBaseline() throws Exception {
    Config config = Config.fromEnv(Map.of("ENVAPP_WORKERS", Integer.toString(WORKERS)));
    app = new InProcessServer(config, Map.of("GREETING", "hello"));
    for (int i = 0; i < 200; i++) {
      assertThat(Http.get(app.uri("/")).statusCode()).isEqualTo(200);
    }
    baselineThreads = serverThreads();
    baselineHeap = heapAfterGc();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @Order(1)
  void randomBytes() throws Exception {
    Random random = new Random(42); // fixed seed: a failure replays
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[1 + random.nextInt(4096)];
      random.nextBytes(junk);
      junk[0] = (byte) ('A' + random.nextInt(26)); // past the JDK's TLS-byte fast path, too
      String answer = RawHttp.exchange(app.port(), junk);
      assertThat(RawHttp.status(answer)).as("answer to junk #%d", i).isIn(400, 501, -1);
    }
    assertStillAnswers();
  }

  @Test
  @Order(2)
  void malformedRequests() throws Exception {
    List<String> requests =
        List.of(
            "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003", // a TLS ClientHello
            "GET\r\n\r\n",
            "GET /\r\n\r\n",
            " / HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nX\u0000Nul: 1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            "GET /" + "a".repeat(64 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\n" + "X: y\r\n".repeat(10_000));
    for (String request : requests) {
      String answer = RawHttp.exchange(app.port(), request.getBytes(ISO_8859_1));
      assertThat(RawHttp.status(answer))
          .as("answer to %.40s", request)
          .isIn(400, 413, 431, 501, -1);
    }
    assertStillAnswers();
  }

  @Test
  @Order(3)
  void halfRequestsThenHangUp() throws Exception {
    for (String half :
        List.of("G", "GET / HT", "GET / HTTP/1.1\r\n", "GET / HTTP/1.1\r\nHost: x\r\nAcc")) {
      for (int i = 0; i < 20; i++) {
        try (Socket socket = RawHttp.connect(app.port())) {
          socket.getOutputStream().write(half.getBytes(ISO_8859_1));
          if (i % 2 == 0) {
            socket.shutdownOutput(); // half-close: the server sees EOF mid-request
            RawHttp.readUntilClosed(socket.getInputStream());
          }
        } // odd rounds: plain close, maybe a reset
      }
    }
    assertStillAnswers();
  }

  @Test
  @Order(4)
  void slowlorisConnectionsAreCutAndOthersServedMeanwhile() throws Exception {
    int slowClients = WORKERS * 3; // more than there are threads to read headers
    ExecutorService clients = Executors.newFixedThreadPool(slowClients);
    try {
      List<Future<Boolean>> cut = new ArrayList<>();
      for (int i = 0; i < slowClients; i++) {
        cut.add(clients.submit(AbuseTest::dribbleUntilCut));
      }
      Thread.sleep(200); // let them occupy the workers

      assertThat(Http.get(app.uri("/healthz")).statusCode()).isEqualTo(200);
      for (Future<Boolean> closedByServer : cut) {
        assertThat(closedByServer.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      clients.shutdownNow();
    }
    assertStillAnswers();
  }

  @Test
  @Order(5)
  void tenThousandSequentialRequests() {
    for (int i = 0; i < 10_000; i++) {
      String path = i % 2 == 0 ? "/" : "/readyz";
      assertThat(Http.get(app.uri(path)).statusCode()).isEqualTo(200);
    }
  }

  @Test
  @Order(6)
  void threadsAndHeapAreBackNearTheBaseline() throws Exception {
    assertStillAnswers();

    // The pool may have grown to its bound; it must not have grown with the abuse.
    assertThat(serverThreads()).isLessThanOrEqualTo(baselineThreads + WORKERS);
    assertThat(heapAfterGc()).isLessThan(baselineHeap + 16 * 1024 * 1024);
  }

  /** Sends a header byte every 200 ms and reports whether the server closed the connection. */
  private static boolean dribbleUntilCut() throws IOException, InterruptedException {
    try (Socket socket = RawHttp.connect(app.port())) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(ISO_8859_1));
      socket.setSoTimeout(200);
      for (int i = 0; i < 300; i++) { // 60 s at most
        try {
          out.write('a');
          out.flush();
          if (in.read() == -1) {
            return true;
          }
        } catch (java.net.SocketTimeoutException stillOpen) {
          continue;
        } catch (SocketException closed) {
          return true;
        }
      }
      return false;
    }
  }

  private static void assertStillAnswers() {
    assertThat(Http.get(app.uri("/")).statusCode()).isEqualTo(200);
  }

  /**
   * Threads of the server under test: its workers and the JDK server's own. (The whole JVM's count
   * would also move with the test's clients, such as HttpClient's pooled threads.)
   */
  private static int serverThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .map(Thread::getName)
            .filter(n -> n.startsWith("envapp-") || n.startsWith("HTTP-Dispatcher"))
            .count();
  }

  private static long heapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) { // the smallest of a few reads: GC is only a request
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
