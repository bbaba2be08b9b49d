package uk.cspr.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Deploys the BPMN of {@code processes/} and the Camunda Forms of {@code forms/} as one
 * deployment named {@value #DEPLOYMENT_NAME}, with resource names that are the same whether the
 * application runs from {@code target/classes} or from the jar ({@code processes/cspr-case.bpmn}).
 *
 * <p>Camunda's own auto-deployment names resources by absolute path in one launch mode and by bare
 * name in the other, so switching between {@code mvn spring-boot:run} and {@code java -jar} on
 * one database would create new versions of every process. Here an unchanged set deploys nothing;
 * a changed one deploys all of it together, because BPMN binds its forms with
 * {@code camunda:formRefBinding="deployment"}.
 */
public class ProcessResourceDeployer extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "cspr";
  static final List<String> ROOTS = List.of("processes", "forms");
  static final List<String> EXTENSIONS = List.of(".bpmn", ".dmn", ".form");

  private static final Logger log = LoggerFactory.getLogger(ProcessResourceDeployer.class);

  private final ResourcePatternResolver resolver;

  public ProcessResourceDeployer() {
    this(new PathMatchingResourcePatternResolver(ProcessResourceDeployer.class.getClassLoader()));
  }

  ProcessResourceDeployer(ResourcePatternResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    deploy(processEngine.getRepositoryService());
  }

  public Deployment deploy(RepositoryService repositoryService) {
    Map<String, byte[]> resources = findResources();
    var builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("cspr-workflow")
        .enableDuplicateFiltering(false);
    resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    Deployment deployment = builder.deploy();
    log.info("Deployment '{}' ({}): {} resources {}", DEPLOYMENT_NAME, deployment.getId(),
        resources.size(), resources.keySet());
    return deployment;
  }

  /** Every deployable resource under the roots, by its stable name. */
  Map<String, byte[]> findResources() {
    Map<String, byte[]> found = new TreeMap<>();
    for (String root : ROOTS) {
      try {
        for (Resource resource : resolver.getResources("classpath*:" + root + "/**/*")) {
          if (!resource.isReadable() || EXTENSIONS.stream().noneMatch(resource.getFilename()::endsWith)) {
            continue;
          }
          String name = stableName(resource.getURL().toString(), root);
          byte[] bytes;
          try (InputStream in = resource.getInputStream()) {
            bytes = in.readAllBytes();
          }
          byte[] earlier = found.putIfAbsent(name, bytes);
          if (earlier != null && !Arrays.equals(earlier, bytes)) {
            throw new IllegalStateException("Two different resources are named " + name + " on the classpath");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the " + root + " resources", e);
      }
    }
    return found;
  }

  /**
   * {@code processes/cspr-case.bpmn} from {@code file:/…/target/classes/processes/cspr-case.bpmn}
   * and from {@code jar:file:/…/app.jar!/BOOT-INF/classes!/processes/cspr-case.bpmn} alike.
   */
  static String stableName(String url, String root) {
    int jarEntry = url.lastIndexOf("!/");
    String path = jarEntry >= 0 ? "/" + url.substring(jarEntry + 2) : url;
    // the last "/processes/" is the root's: a checkout directory of that name may come before it
    // (a sub-folder of processes/ called "processes" would confuse it; don't create one)
    int at = path.lastIndexOf("/" + root + "/");
    if (at < 0) {
      throw new IllegalArgumentException("Resource " + url + " is not under " + root + "/");
    }
    return URLDecoder.decode(path.substring(at + 1), StandardCharsets.UTF_8);
  }

}
