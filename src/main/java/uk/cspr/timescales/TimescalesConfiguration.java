package uk.cspr.timescales;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimescalesConfiguration {

  /**
   * Configuration properties are registered under a generated name; BPMN expressions need a
   * short one: {@code ${timescales.agencyResponseWorkingDays()}}.
   */
  @Bean
  static BeanDefinitionRegistryPostProcessor timescalesAlias() {
    return new BeanDefinitionRegistryPostProcessor() {
      @Override
      public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        String generated = Timescales.PREFIX + "-" + Timescales.class.getName();
        if (registry.containsBeanDefinition(generated) && !registry.isAlias("timescales")) {
          registry.registerAlias(generated, "timescales");
        }
      }
    };
  }
}
