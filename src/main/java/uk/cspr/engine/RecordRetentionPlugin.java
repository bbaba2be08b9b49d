package uk.cspr.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case history is the partnership's statutory audit trail: history clean-up must never remove
 * a case before the configured record retention ({@code cspr.timescales.record-retention},
 * 25 years by default). Every process definition deployed gets at least that history time to
 * live, whatever its BPMN says, so a stage modelled with a short one cannot shorten retention.
 */
public class RecordRetentionPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(RecordRetentionPlugin.class);

  private final int retentionDays;

  public RecordRetentionPlugin(int retentionDays) {
    this.retentionDays = retentionDays;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
        Integer modelled = definition.getHistoryTimeToLive();
        if (modelled == null || modelled < retentionDays) {
          log.info("Process {} keeps its history {} days (record retention), not {}",
              definition.getKey(), retentionDays, modelled);
          definition.setHistoryTimeToLive(retentionDays);
        }
      }
    });
  }
}
