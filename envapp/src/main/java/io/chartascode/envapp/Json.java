package io.chartascode.envapp;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;

/**
 * The only place that turns values into JSON bytes: jackson-core's generator, so every string,
 * whatever its characters, is escaped correctly. Output is compact, UTF-8, one trailing newline.
 */
final class Json {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** Writes one JSON value with a generator. */
  @FunctionalInterface
  interface Body {
    void writeTo(JsonGenerator json) throws IOException;
  }

  private Json() {}

  static byte[] render(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      body.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** A flat object of strings, in the map's (sorted) order. */
  static byte[] object(SortedMap<String, String> fields) {
    return render(
        json -> {
          json.writeStartObject();
          for (Map.Entry<String, String> field : fields.entrySet()) {
            json.writeStringField(field.getKey(), field.getValue());
          }
          json.writeEndObject();
        });
  }
}
