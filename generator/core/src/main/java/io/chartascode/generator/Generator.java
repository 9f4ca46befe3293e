package io.chartascode.generator;

import io.chartascode.generator.check.ModelValidator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.GeneratedHeader;
import io.chartascode.generator.internal.render.gitops.GitOpsRenderer;
import io.chartascode.generator.internal.render.gitops.MetricsServerComponent;
import io.chartascode.generator.internal.render.helm.HelmChartRenderer;
import io.chartascode.generator.internal.render.kustomize.KustomizeRenderer;
import io.chartascode.generator.internal.ProjectFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The pipeline: model → validate → render (Helm | Kustomize). Pure: it returns file contents by
 * relative path and touches no disk; {@code write.FileTreeWriter} does the writing.
 */
public final class Generator {
  private Generator() {}

  /**
   * Every file of the catalog, keyed by path relative to the output root
   * ({@code helm/envapp/Chart.yaml}). Throws {@code InvalidModelException} listing every problem
   * when any application is invalid, before anything is rendered.
   */
  public static SortedMap<String, String> render(Catalog catalog, GeneratedHeader header) {
    return render(catalog, header, Path.of(""));
  }

  /**
   * As {@link #render(Catalog, GeneratedHeader)}, reading the files the model names (such as a
   * configuration file) relative to {@code projectDirectory}, the Maven module's basedir.
   */
  public static SortedMap<String, String> render(Catalog catalog, GeneratedHeader header, Path projectDirectory) {
    SortedMap<String, String> files = render(catalog.applications(), header, projectDirectory);
    catalog.metricsServer().ifPresent(metricsServer -> files.putAll(MetricsServerComponent.render(metricsServer, header)));
    return files;
  }

  /** The files of these applications, with the default header. */
  public static SortedMap<String, String> render(List<Application> applications) {
    return render(applications, GeneratedHeader.DEFAULT);
  }

  /** The files of these applications, with a header that names this project's regenerate command. */
  public static SortedMap<String, String> render(List<Application> applications, GeneratedHeader header) {
    return render(applications, header, Path.of(""));
  }

  /** As {@link #render(List, GeneratedHeader)}, reading the files the model names relative to {@code projectDirectory}. */
  public static SortedMap<String, String> render(List<Application> applications, GeneratedHeader header, Path projectDirectory) {
    ProjectFiles projectFiles = ProjectFiles.in(projectDirectory);
    // Each application is rendered, in memory, as soon as it is found valid, while the objects
    // its checks built are still at hand; an invalid one later throws them all away.
    List<SortedMap<String, String>> rendered = ModelValidator.validate(applications, projectFiles, app -> {
      SortedMap<String, String> files = new TreeMap<>();
      HelmChartRenderer.render(app, header, projectFiles)
          .forEach((path, content) -> files.put("helm/" + app.name() + "/" + path, content));
      KustomizeRenderer.render(app, header, projectFiles)
          .forEach((path, content) -> files.put("kustomize/" + app.name() + "/" + path, content));
      GitOpsRenderer.render(app, header)
          .forEach((path, content) -> files.put("gitops/" + app.name() + "/" + path, content));
      return files;
    });
    SortedMap<String, String> files = new TreeMap<>();
    rendered.forEach(files::putAll);
    return files;
  }
}
