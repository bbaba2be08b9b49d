package uk.cspr.casefile;

/**
 * A stage's part of the case file. Each stage package has one bean of this type (registered in
 * its {@code *Configuration}); the case file asks every one of them, in turn, to read the
 * case's history and write what it knows: facts, its deadlines, a section, concerns.
 *
 * <p>A contribution reads only through {@link CaseHistory}, which holds the reader's access, and
 * writes only to the draft, which works out working days left, RAG, status and the timeline. It
 * must cope with seeing part of a case: someone who sees only their own task gets a history with
 * that task's process instance alone.
 */
public interface CaseFileContribution {

  void contribute(CaseHistory history, CaseFileDraft file);
}
