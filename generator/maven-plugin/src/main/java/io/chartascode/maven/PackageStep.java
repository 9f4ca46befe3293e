package io.chartascode.maven;

import io.chartascode.generator.publish.ChartArchive;
import io.chartascode.generator.publish.ChartPackager;
import io.chartascode.maven.ModelRendering.Rendered;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** {@link PackageMojo}'s work with chart-as-code-core, once {@link AbstractModelMojo#loadEngine()} loaded it. */
final class PackageStep {
  private PackageStep() {}

  static void run(PackageMojo mojo) throws MojoExecutionException, MojoFailureException {
    Rendered rendered = ModelRendering.render(mojo);
    List<ChartArchive> archives = ChartPackager.archives(rendered.applications(), rendered.files());
    for (ChartArchive archive : archives) {
      Path file = write(mojo, archive);
      mojo.getLog().info("chart-as-code: " + display(mojo, file) + " (" + archive.bytes().length + " bytes, " + archive.digest() + ")");
      if (mojo.attach) {
        String classifier = archives.size() == 1 ? PackageMojo.CLASSIFIER : PackageMojo.CLASSIFIER + "-" + archive.name();
        mojo.projectHelper.attachArtifact(mojo.project, PackageMojo.TYPE, classifier, file.toFile());
      }
    }
  }

  /** Writes through a temporary file, and not at all when the file already holds these bytes. */
  private static Path write(PackageMojo mojo, ChartArchive archive) throws MojoExecutionException {
    Path file = mojo.chartsDirectory.toPath().resolve(archive.fileName());
    byte[] bytes = archive.bytes();
    try {
      if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
        mojo.getLog().debug("chart-as-code: " + file + " is unchanged");
        return file;
      }
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("." + archive.fileName() + ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new MojoExecutionException("chart-as-code: cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String display(PackageMojo mojo, Path file) {
    Path base = mojo.project.getBasedir().toPath().toAbsolutePath();
    Path abs = file.toAbsolutePath();
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }
}
