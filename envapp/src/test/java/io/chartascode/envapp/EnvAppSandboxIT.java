package io.chartascode.envapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar under bubblewrap, as the image runs it: a read-only root, a tmpfs /tmp, uid and
 * gid 1000. It must serve, must hold no file open for writing outside /tmp and /dev, must write no
 * file even to /tmp, and must stop cleanly. bubblewrap is installed by the build
 * (src/test/sh/ensure-bubblewrap.sh); if it cannot make namespaces here, this fails, not skips.
 */
class EnvAppSandboxIT {

  private static String bwrap;

  @BeforeAll
  static void findWorkingBubblewrap() throws Exception {
    Path pathFile = Path.of(System.getProperty("envapp.bwrapFile", "target/bwrap.path"));
    assertThat(pathFile)
        .as("ensure-bubblewrap.sh (pre-integration-test) writes the bwrap path here")
        .isRegularFile();
    bwrap = Files.readString(pathFile).trim();
    Process probe =
        new ProcessBuilder(
                bwrap,
                "--ro-bind",
                "/",
                "/",
                "--unshare-user",
                "--uid",
                "1000",
                "--gid",
                "1000",
                "--",
                "/bin/true")
            .redirectErrorStream(true)
            .start();
    assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(probe.getInputStream().readAllBytes());
    assertThat(probe.exitValue())
        .as(
            "bubblewrap (%s) cannot create a user namespace on this machine: %s"
                + "\nAllow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1,"
                + " or on Ubuntu kernel.apparmor_restrict_unprivileged_userns=0) or run as root.",
            bwrap, output.strip())
        .isZero();
  }

  @Test
  void servesFromAReadOnlyRootAsUid1000AndWritesNothing() throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                bwrap,
                "--ro-bind",
                "/",
                "/",
                "--tmpfs",
                "/tmp",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--unshare-user",
                "--uid",
                "1000",
                "--gid",
                "1000",
                "--unshare-pid",
                "--die-with-parent",
                "--chdir",
                "/",
                "--"));
    // A checkout or JDK under /tmp would vanish under the tmpfs: bind those back, read-only.
    List<Path> binds =
        Stream.of(ModulePom.moduleDir(), Path.of(System.getProperty("java.home")))
            .map(p -> p.toAbsolutePath().normalize())
            .filter(p -> p.startsWith("/tmp"))
            .toList();
    int separator = command.indexOf("--");
    for (Path bind : binds) {
      command.addAll(separator, List.of("--ro-bind", bind.toString(), bind.toString()));
      separator += 3;
    }
    command.addAll(ChildEnvApp.javaCommand());
    Map<String, String> env = Map.of("PORT", "0", "LC_ALL", "C.UTF-8", "SANDBOX_MARKER", "inside");

    try (ChildEnvApp app = ChildEnvApp.start(command, env).awaitStarted()) {
      assertThat(JsonObjects.parse(Http.get(app.uri("/")).body()))
          .containsEntry("SANDBOX_MARKER", "inside");
      for (int i = 0; i < 200; i++) {
        assertThat(Http.get(app.uri(i % 2 == 0 ? "/healthz" : "/readyz")).statusCode())
            .isEqualTo(200);
      }
      ProcessHandle java = javaInside(app);

      assertThat(firstMapping(java, "uid_map")).as("uid inside the sandbox").isEqualTo("1000");
      assertThat(firstMapping(java, "gid_map")).as("gid inside the sandbox").isEqualTo("1000");
      assertThat(filesOpenForWriting(java)).as("files open for writing").isEmpty();
      assertThat(filesWrittenToTmp(java, binds)).as("what it wrote to its /tmp").isEmpty();

      java.destroy(); // SIGTERM to the JVM itself; bwrap passes its exit code on
      assertThat(app.awaitExit(Duration.ofSeconds(60))).isZero();
      assertThat(app.stderr()).as("stderr (e.g. JVM warnings about the read-only root)").isEmpty();
      assertThat(app.stdout().get(app.stdout().size() - 1)).contains("\"event\":\"stopped\"");
    }
  }

  /** Regular files in the sandbox's /tmp, seen through /proc/PID/root, outside our binds. */
  private static List<String> filesWrittenToTmp(ProcessHandle process, List<Path> binds)
      throws IOException {
    Path root = Path.of("/proc", Long.toString(process.pid()), "root");
    try (Stream<Path> tmp = Files.walk(root.resolve("tmp"))) {
      return tmp.filter(Files::isRegularFile)
          .map(p -> Path.of("/").resolve(root.relativize(p)))
          .filter(p -> binds.stream().noneMatch(p::startsWith))
          .map(Path::toString)
          .toList();
    }
  }

  private static ProcessHandle javaInside(ChildEnvApp app) {
    return app.process()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no java process under bwrap"));
  }

  /** The inside id of the first line of /proc/PID/{uid,gid}_map ("inside outside count"). */
  private static String firstMapping(ProcessHandle process, String file) throws IOException {
    String line = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), file)).get(0);
    return line.trim().split("\\s+")[0];
  }

  /** Regular files the process holds open with write access, from /proc/PID/fd and fdinfo. */
  private static List<String> filesOpenForWriting(ProcessHandle process) throws IOException {
    Path proc = Path.of("/proc", Long.toString(process.pid()));
    List<String> writable = new ArrayList<>();
    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
      for (Path fd : fds.toList()) {
        String target;
        List<String> info;
        try {
          target = Files.readSymbolicLink(fd).toString();
          info = Files.readAllLines(proc.resolve("fdinfo").resolve(fd.getFileName()));
        } catch (IOException closedMeanwhile) {
          continue;
        }
        int accessMode =
            info.stream()
                .filter(l -> l.startsWith("flags:"))
                .map(l -> Integer.parseInt(l.substring(6).trim(), 8) & 3)
                .findFirst()
                .orElse(0);
        boolean file = target.startsWith("/") && !target.startsWith("/dev/");
        if (file && accessMode != 0) { // O_WRONLY (1) or O_RDWR (2)
          writable.add(target);
        }
      }
    }
    return writable;
  }
}
