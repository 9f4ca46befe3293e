package io.chartascode.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds charts whose content differs from the chart committed in Git {@code HEAD} while their
 * version does not: a chart that would be published under a version that already names other
 * content. Compares git blob ids, so it runs {@code git} twice per chart and reads no history.
 *
 * <p>Charts that are not in {@code HEAD} (new ones), projects outside a Git work tree, and machines
 * without {@code git} are not checked; {@link #check} says why at debug level.
 */
final class UnbumpedVersionCheck {
  private static final Pattern VERSION = Pattern.compile("(?m)^version:\\s*\"?([^\"\\s]+)\"?\\s*$");

  /** A chart whose files changed since HEAD under the same version. */
  record Finding(String chart, String version, List<String> changedFiles) {
    String message() {
      return "chart " + chart + " differs from the one committed in git HEAD (" + String.join(", ", changedFiles)
          + ") but its version is still " + version + "; raise chartVersion in the model (a published version must"
          + " not change, and chart-as-code:push refuses to overwrite one)";
    }
  }

  private UnbumpedVersionCheck() {}

  /**
   * @param chartDirectory {@code generated/helm/<name>}, inside a Git work tree
   * @param files the chart's rendered files by path relative to {@code chartDirectory}
   */
  static Optional<Finding> check(String chart, String version, Path chartDirectory, SortedMap<String, String> files,
      Consumer<String> debug) {
    if (!Files.isDirectory(chartDirectory)) {
      debug.accept(chartDirectory + " does not exist yet; version not checked");
      return Optional.empty();
    }
    Optional<String> tree = git(chartDirectory, "ls-tree", "-r", "HEAD", ".");
    if (tree.isEmpty()) {
      debug.accept(chartDirectory + " is not in a Git work tree with a HEAD (or git is missing); version not checked");
      return Optional.empty();
    }
    SortedMap<String, String> committed = new TreeMap<>();
    for (String line : tree.get().split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        String[] meta = line.substring(0, tab).split(" ");
        committed.put(unquote(line.substring(tab + 1)), meta[2]);
      }
    }
    if (!committed.containsKey("Chart.yaml")) {
      debug.accept(chartDirectory + "/Chart.yaml is not in HEAD; a new chart, version not checked");
      return Optional.empty();
    }
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (!blobId(file.getValue()).equals(committed.get(file.getKey()))) {
        changed.add(file.getKey());
      }
    }
    committed.keySet().stream().filter(p -> !files.containsKey(p)).forEach(changed::add);
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> headVersion = git(chartDirectory, "show", "HEAD:./Chart.yaml").flatMap(UnbumpedVersionCheck::version);
    if (headVersion.isPresent() && headVersion.get().equals(version)) {
      return Optional.of(new Finding(chart, version, List.copyOf(changed)));
    }
    return Optional.empty();
  }

  static Optional<String> version(String chartYaml) {
    Matcher m = VERSION.matcher(chartYaml);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** git's id of a blob with this content: sha1 of {@code "blob <size>\0" + bytes}. */
  static String blobId(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha1.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unquote(String path) {
    return path.startsWith("\"") ? path.substring(1, path.length() - 1) : path;
  }

  private static Optional<String> git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
