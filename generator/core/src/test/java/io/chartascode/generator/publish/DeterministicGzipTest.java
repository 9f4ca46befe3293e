package io.chartascode.generator.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever goes in comes out of the JDK's gunzip unchanged; text shrinks, noise is stored. */
class DeterministicGzipTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 257, 258, 259, 32_768, 65_535, 65_536, 200_000})
  void roundTripsTextAndNoiseOfEverySize(int size) throws IOException {
    Random random = new Random(size);
    byte[] noise = new byte[size];
    random.nextBytes(noise);
    StringBuilder text = new StringBuilder();
    while (text.length() < size) {
      text.append("  - name: key").append(random.nextInt(50)).append("\n    value: \"").append(random.nextInt(7)).append("\"\n");
    }
    byte[] yaml = text.substring(0, size).getBytes(StandardCharsets.ISO_8859_1);
    byte[] runs = new byte[size]; // one long run: matches at distance 1, up to 258 long
    for (byte[] input : new byte[][] {noise, yaml, runs}) {
      byte[] gz = DeterministicGzip.compress(input);
      assertThat(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes()).isEqualTo(input);
      assertThat(gz.length).isLessThanOrEqualTo(DeterministicGzip.stored(input).length + 18);
    }
    if (size >= 32_768) {
      assertThat(DeterministicGzip.compress(yaml).length).isLessThan(size / 4);
    }
  }
}
