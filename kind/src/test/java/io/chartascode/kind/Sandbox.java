package io.chartascode.kind;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.Toolbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throwaway copy of the repo's kind/ directory plus a PATH that holds only stub tools and a few
 * system utilities, so a test decides exactly which tools exist and at which version.
 *
 * <p>Layout under the JUnit temp dir: {@code root/} (kind/ copied from the repo; {@link
 * #withGeneratedTree} adds a copy of the repo's real generated/ tree, which {@link #file} and {@link
 * #edit} may then change), {@code bin/} (the PATH), {@code stub/} (canned answers for the stubs) and
 * {@code stub.log} (every stub invocation).
 *
 * <p>The stubs render for real: {@code helm template} and {@code kubectl kustomize} run the real helm
 * 3 and kubectl from the testing kit (pinned, downloaded on first use), so the image deploy.sh reads comes from the real chart and
 * overlays, and a change of the generator's layout fails these tests.
 */
final class Sandbox {

  /** The stubs stand in for these tools; {@code helm3} is only added on request. */
  static final List<String> STUB_TOOLS = List.of("docker", "kind", "kubectl", "helm", "curl");

  /** What the scripts and the stub need besides the stubbed tools. */
  private static final List<String> SYSTEM_TOOLS =
      List.of("bash", "env", "cat", "sed", "awk", "grep", "sort", "head", "tail", "tr", "mkdir",
          "mktemp", "rm", "rmdir", "cp", "dirname", "basename", "sleep", "od");

  /** The only things a run may ask before it changes something, when preflight fails. */
  static final List<String> VERSION_QUERIES =
      List.of("docker --version", "kind version", "kubectl version --client", "helm version --short",
          "helm3 version --short", "curl --version");

  /** Queries a real run makes on top of the version queries; they change nothing. */
  static final List<String> STATE_QUERIES =
      List.of("docker info", "kind get clusters", "kubectl config get-contexts -o name", "helm plugin list");

  /** deploy.sh asks, without printing it, whether a Secret its app reads exists yet. */
  private static final Pattern SECRET_QUERY =
      Pattern.compile("kubectl --context kind-envapp -n [a-z-]+ get secret [a-z-]+ --ignore-not-found -o name");

  /** A read-only query a real run makes without printing it. */
  static boolean isStateQuery(String call) {
    return STATE_QUERIES.contains(Result.stripEnv(call)) || SECRET_QUERY.matcher(call).matches();
  }

  /** Read-only renders (deploy.sh reads the image from one; the helmcharts pipeline starts with one). */
  static boolean isRender(String call) {
    return call.startsWith("helm template ") || call.startsWith("kubectl kustomize ");
  }

  static final Path REPO_ROOT = Path.of(requiredProperty("chartascode.repoRoot")).toAbsolutePath().normalize();
  /** The value the tests give CHART_AS_CODE_TOOLS, so the fix hints in messages are predictable. */
  static final String TOOLS_DIR = "/opt/chart-as-code-tools";
  /** Helm 4's data home and plugin dir as deploy.sh prints them. */
  static final String HELM4_ENV = "env HELM_DATA_HOME=kind/.work/helm4 HELM_PLUGINS=kind/.work/helm4/plugins";

  private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  final Path dir;
  final Path root;
  final Path bin;
  final Path stubDir;
  final Path log;
  private final Map<String, String> env = new LinkedHashMap<>();

  private Sandbox(Path dir) {
    this.dir = dir;
    this.root = dir.resolve("root");
    this.bin = dir.resolve("bin");
    this.stubDir = dir.resolve("stub");
    this.log = dir.resolve("stub.log");
  }

  static Sandbox create(Path tempDir) {
    Sandbox sandbox = new Sandbox(tempDir);
    try {
      Files.createDirectories(sandbox.root.resolve("kind/lib"));
      Files.createDirectories(sandbox.bin);
      Files.createDirectories(sandbox.stubDir);
      Files.createDirectories(tempDir.resolve("home"));
      Files.createDirectories(tempDir.resolve("tmp"));
      for (String script : List.of("up.sh", "deploy.sh", "smoke.sh", "config-rollout.sh", "down.sh", "lib/common.sh",
          "kind-config.yaml")) {
        Path target = sandbox.root.resolve("kind").resolve(script);
        Files.copy(REPO_ROOT.resolve("kind").resolve(script), target, StandardCopyOption.COPY_ATTRIBUTES);
      }
      for (String tool : STUB_TOOLS) {
        sandbox.addStub(tool);
      }
      for (String tool : SYSTEM_TOOLS) {
        if (!sandbox.addSystemTool(tool)) {
          throw new IllegalStateException(tool + " is not on this machine's PATH; the kind/ tests need it");
        }
      }
      Files.writeString(sandbox.log, "");
      sandbox.env("STUB_REAL_HELM", realTool(Tool.HELM_3));
      sandbox.env("STUB_REAL_KUBECTL", realTool(Tool.KUBECTL_1_34));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sandbox;
  }

  /** A real, pinned binary from the testing kit, downloaded and verified on first use. */
  static String realTool(Tool tool) {
    return Toolbox.standard().path(tool).toString();
  }

  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set; run the tests through Maven (./mvnw -pl kind verify), "
              + "which sets it in kind/pom.xml (surefire systemPropertyVariables)");
    }
    return value;
  }

  /** Puts the stub on PATH under {@code name} (replacing what was there). */
  Sandbox addStub(String name) {
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/stubs/tool-stub.sh"))) {
      Path target = bin.resolve(name);
      Files.deleteIfExists(target);
      Files.copy(in, target);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Sandbox removeTool(String name) {
    try {
      Files.deleteIfExists(bin.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Puts a real system tool on the sandbox PATH, as a one-line wrapper script rather than a symlink
   * (JUnit warns about every symlink it removes from a temp dir); false if the machine lacks the tool.
   */
  boolean addSystemTool(String name) {
    for (String pathDir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path candidate = Path.of(pathDir, name);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        try {
          Path target = bin.resolve(name);
          Files.deleteIfExists(target);
          Files.writeString(target, "#!/bin/sh\nexec " + quote(candidate.toAbsolutePath().toString()) + " \"$@\"\n");
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return true;
      }
    }
    return false;
  }

  Sandbox env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Writes a file under the sandbox repo root (for generated/ and envapp/ fixtures). */
  Sandbox file(String relativePath, String content) {
    try {
      Path target = root.resolve(relativePath);
      Files.createDirectories(target.getParent());
      Files.writeString(target, content, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Sandbox executable(String relativePath, String content) {
    file(relativePath, content);
    try {
      Files.setPosixFilePermissions(root.resolve(relativePath), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Writes a canned answer for the stubs (pods.txt, hpa.txt, body.json, deployment-NAME.txt). An
   * answer that changes from call to call is written as NAME.1, NAME.2, ...: each call prints the
   * next, and the last repeats.
   */
  Sandbox stubAnswer(String name, String content) {
    try {
      Files.writeString(stubDir.resolve(name), content, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Copies the repo's real generated/ tree and envapp/Dockerfile into the sandbox: everything the
   * scripts read for every --via, exactly as the generator wrote it.
   */
  Sandbox withGeneratedTree() {
    Path generated = REPO_ROOT.resolve("generated");
    if (!Files.isRegularFile(generated.resolve("helm/envapp/Chart.yaml"))) {
      throw new IllegalStateException(generated + " has no chart; generate it first (./mvnw -q generate-resources)");
    }
    try (Stream<Path> files = Files.walk(generated)) {
      for (Path source : files.sorted().toList()) {
        Path target = root.resolve(REPO_ROOT.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.createDirectories(root.resolve("envapp"));
      Files.copy(REPO_ROOT.resolve("envapp/Dockerfile"), root.resolve("envapp/Dockerfile"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Rewrites a file under the sandbox repo root, e.g. one of the copied generated/ files. */
  Sandbox edit(String relativePath, UnaryOperator<String> change) {
    try {
      Path target = root.resolve(relativePath);
      String before = Files.readString(target, UTF_8);
      String after = change.apply(before);
      if (after.equals(before)) {
        throw new IllegalArgumentException("the edit changed nothing in " + relativePath + ":\n" + before);
      }
      Files.writeString(target, after, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Runs {@code kind/<script> args...} from the sandbox's parent dir (the scripts cd to their root). */
  Result run(String script, String... args) {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("kind").resolve(script).toString());
    command.addAll(Arrays.asList(args));
    return exec(command, dir);
  }

  /** Runs one printed command line with bash from the sandbox repo root, as a user would paste it. */
  Result shell(String commandLine) {
    return exec(List.of(bin.resolve("bash").toString(), "-c", commandLine), root);
  }

  private Result exec(List<String> command, Path workDir) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", bin.toString());
    environment.put("HOME", dir.resolve("home").toString());
    // mktemp and friends stay in the sandbox, which the test's @TempDir removes.
    environment.put("TMPDIR", dir.resolve("tmp").toString());
    environment.put("LC_ALL", "C");
    environment.put("CHART_AS_CODE_TOOLS", TOOLS_DIR);
    environment.put("STUB_LOG", log.toString());
    environment.put("STUB_DIR", stubDir.toString());
    environment.putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> stdout = readAsync(process.getInputStream());
      CompletableFuture<String> stderr = readAsync(process.getErrorStream());
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within 120 s");
      }
      return new Result(process.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr.get(10, TimeUnit.SECONDS),
          invocations());
    } catch (Exception e) {
      throw new IllegalStateException("could not run " + command, e);
    }
  }

  private static CompletableFuture<String> readAsync(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Every stub invocation so far, each quoted the way the scripts print commands. */
  List<String> invocations() {
    try {
      return Files.readAllLines(log, UTF_8).stream()
          .filter(line -> !line.isEmpty())
          .map(line -> Arrays.stream(line.split("\u001f", -1)).map(Sandbox::quote).collect(Collectors.joining(" ")))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void clearLog() {
    try {
      Files.writeString(log, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scripts' quoting (kind/lib/common.sh quote_word): plain words as-is, others single-quoted. */
  static String quote(String word) {
    if (SAFE_WORD.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The result of one script run. */
  record Result(int exitCode, String stdout, String stderr, List<String> invocations) {

    List<String> stdoutLines() {
      return stdout.lines().toList();
    }

    List<String> stderrLines() {
      return stderr.lines().toList();
    }

    /** The invocations that are neither version queries, read-only state queries nor renders. */
    List<String> actions() {
      return invocations.stream()
          .filter(call -> !VERSION_QUERIES.contains(call) && !isStateQuery(call) && !isRender(call))
          .collect(Collectors.toList());
    }

    /** The renders that ran (helm template, kubectl kustomize). */
    List<String> renders() {
      return invocations.stream().filter(Sandbox::isRender).collect(Collectors.toList());
    }

    /** The commands a real run echoed on stderr ("+ cmd"), without the "+ ". */
    List<String> echoed() {
      return stderrLines().stream().filter(l -> l.startsWith("+ ")).map(l -> l.substring(2)).collect(Collectors.toList());
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr + "--- invocations\n"
          + String.join("\n", invocations);
    }

    private static String stripEnv(String call) {
      return call.replaceFirst("^env (HELM_[A-Z_]+=\\S+ )+", "");
    }
  }

  /**
   * The commands a run executed, each background one moved to the end: the script does not wait
   * for it, so on a loaded machine it may start after the commands that follow it.
   */
  static List<String> backgroundLast(List<String> lines) {
    List<String> ordered = new java.util.ArrayList<>(lines.stream().filter(line -> !line.contains(" port-forward ")).toList());
    lines.stream().filter(line -> line.contains(" port-forward ")).forEach(ordered::add);
    return ordered;
  }
}
