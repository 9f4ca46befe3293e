package io.chartascode.generator.publish;

/**
 * What a push did.
 *
 * @param reference {@code oci://host/path/name:version}
 * @param digest the manifest digest, the same for the same archive
 * @param pushed false when the registry already had this exact version (nothing was sent)
 */
public record PushResult(String reference, String digest, boolean pushed) {
  @Override
  public String toString() {
    return pushed
        ? "pushed " + reference + " (" + digest + ")"
        : reference + " is already in the registry with the same content (" + digest + "); nothing pushed";
  }
}
