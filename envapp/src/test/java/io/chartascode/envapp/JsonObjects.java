package io.chartascode.envapp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: strictly parses a flat JSON object of strings, keeping the key order. */
final class JsonObjects {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private JsonObjects() {}

  static Map<String, String> parse(byte[] json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      Map<String, String> out = new LinkedHashMap<>();
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        expect(token, JsonToken.FIELD_NAME);
        String name = parser.currentName();
        expect(parser.nextToken(), JsonToken.VALUE_STRING);
        out.put(name, parser.getText());
      }
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("trailing content after the object");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new IllegalArgumentException("expected " + expected + " but found " + actual);
    }
  }
}
