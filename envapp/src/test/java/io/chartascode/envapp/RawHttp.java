package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/** Test helper: bytes over a plain socket, for requests no well-behaved client would send. */
final class RawHttp {

  static final int READ_TIMEOUT_MS = 20_000;

  private RawHttp() {}

  static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    return socket;
  }

  /**
   * Sends {@code request} and half-closes, then reads until the server closes; what it answered, if
   * anything. The half-close means no wait on the server's timeouts: whatever it made of the bytes,
   * it next reads end-of-stream and hangs up.
   */
  static String exchange(int port, byte[] request) throws IOException {
    try (Socket socket = connect(port)) {
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        socket.shutdownOutput();
      } catch (SocketException e) {
        return ""; // the server already closed on us: a refusal without words
      }
      return readUntilClosed(socket.getInputStream());
    }
  }

  static String exchange(int port, String request) throws IOException {
    return exchange(port, request.getBytes(ISO_8859_1));
  }

  /** Everything until EOF or reset; a timeout means the server neither answered nor closed. */
  static String readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "server neither answered nor closed within "
              + READ_TIMEOUT_MS
              + " ms; got so far: "
              + out.toString(ISO_8859_1),
          e);
    } catch (SocketException e) {
      // Reset by the server: a closed connection too.
    }
    return out.toString(ISO_8859_1);
  }

  /** The status code of the first response in {@code raw}, or -1 if there is none. */
  static int status(String raw) {
    if (!raw.startsWith("HTTP/1.1 ") || raw.length() < 12) {
      return -1;
    }
    return Integer.parseInt(raw.substring(9, 12));
  }
}
