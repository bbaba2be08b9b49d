package uk.cspr.agency;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Response links and the documents sent through them ({@code cspr.response-links.*}).
 *
 * @param validFor how long a link works after its mail is sent; later mails carry new links
 * @param maxDocumentSize the largest document an agency may attach
 * @param maxDocumentsPerRequest how many documents one request takes
 */
@ConfigurationProperties("cspr.response-links")
public record ResponseLinkProperties(
    @DefaultValue("P30D") Period validFor,
    @DefaultValue("10MB") DataSize maxDocumentSize,
    @DefaultValue("10") int maxDocumentsPerRequest) {

  public ResponseLinkProperties {
    if (validFor.isZero() || validFor.isNegative()) {
      throw new IllegalArgumentException("cspr.response-links.valid-for must be a positive period such as P30D");
    }
    if (maxDocumentSize.toBytes() <= 0) {
      throw new IllegalArgumentException("cspr.response-links.max-document-size must be positive, such as 10MB");
    }
    if (maxDocumentsPerRequest <= 0) {
      throw new IllegalArgumentException("cspr.response-links.max-documents-per-request must be positive, such as 10");
    }
  }
}
