package uk.cspr.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The involved agencies as the list the case's multi-instance "ask each agency" walks: the case
 * keeps them as a Json array (readable in Cockpit and over REST, and never an object the engine
 * would have to rebuild from a class name), which the engine cannot iterate itself.
 *
 * <pre>camunda:collection="${agencyIds.of(agencies)}"</pre>
 */
public class AgencyIds {

  /** The ids in order, from a Json array or (for cases recorded before lists were Json) a Java list. */
  public List<String> of(Object agencies) {
    List<String> ids = new ArrayList<>();
    if (agencies instanceof SpinJsonNode json && json.isArray()) {
      for (SpinJsonNode element : json.elements()) {
        ids.add(element.stringValue());
      }
    } else if (agencies instanceof Collection<?> list) {
      list.forEach(id -> ids.add(String.valueOf(id)));
    } else {
      throw new IllegalStateException("The case's agencies are not a list: " + agencies);
    }
    return ids;
  }
}
