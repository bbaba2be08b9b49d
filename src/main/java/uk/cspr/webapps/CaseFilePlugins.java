package uk.cspr.webapps;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/**
 * The case file in Camunda's webapps, registered through their plugin SPI
 * ({@code META-INF/services}): a "Case file" tab on every Tasklist task and a "Documents" tab
 * where an agency request's documents are attached, and in Cockpit the
 * statutory deadlines page, the count of missed deadlines on the start page and the case file on
 * a process instance. Each serves its {@code plugin.js} from {@code plugin-webapp/<id>/app/} and
 * the case file's endpoints under {@code /camunda/api/<app>/plugin/<id>/<engine>/}.
 */
public final class CaseFilePlugins {

  public static final String TASKLIST_ID = "cspr-case-file";
  public static final String COCKPIT_ID = "cspr-deadlines";

  private CaseFilePlugins() {}

  public static class Tasklist extends AbstractTasklistPlugin {
    @Override
    public String getId() {
      return TASKLIST_ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(TasklistResource.class);
    }

    @Override
    public String getAssetDirectory() {
      return "plugin-webapp/" + TASKLIST_ID;
    }
  }

  public static class Cockpit extends AbstractCockpitPlugin {
    @Override
    public String getId() {
      return COCKPIT_ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(CockpitResource.class);
    }

    @Override
    public String getAssetDirectory() {
      return "plugin-webapp/" + COCKPIT_ID;
    }
  }

  @Path("plugin/" + TASKLIST_ID)
  public static class TasklistResource extends AbstractTasklistPluginRootResource {
    public TasklistResource() {
      super(TASKLIST_ID);
    }

    @Path("{engine}")
    public CaseFileEndpoints engine(@PathParam("engine") String engine) {
      return new CaseFileEndpoints(servletContext, base(engine));
    }

    /** The documents of an agency request, for whoever answers it here: Tasklist's alone, not Cockpit's. */
    @Path("{engine}/tasks/{taskId}/documents")
    public TaskDocumentEndpoints documents(@PathParam("engine") String engine, @PathParam("taskId") String taskId) {
      return new TaskDocumentEndpoints(servletContext, base(engine), taskId);
    }

    /** The children's identifying details of the task's case, for whoever may see them here. */
    @Path("{engine}/tasks/{taskId}/identity")
    public TaskIdentityEndpoints identity(@PathParam("engine") String engine, @PathParam("taskId") String taskId) {
      return new TaskIdentityEndpoints(servletContext, taskId);
    }

    private static String base(String engine) {
      return "/camunda/api/tasklist/plugin/" + TASKLIST_ID + "/" + engine + "/";
    }
  }

  @Path("plugin/" + COCKPIT_ID)
  public static class CockpitResource extends AbstractCockpitPluginRootResource {
    public CockpitResource() {
      super(COCKPIT_ID);
    }

    @Path("{engine}")
    public CaseFileEndpoints engine(@PathParam("engine") String engine) {
      return new CaseFileEndpoints(servletContext, "/camunda/api/cockpit/plugin/" + COCKPIT_ID + "/" + engine + "/");
    }
  }
}
