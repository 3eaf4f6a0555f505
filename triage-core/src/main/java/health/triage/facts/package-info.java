/**
 * The vocabulary rules are written in: the facts the engine inserts ({@link health.triage.facts.Answer},
 * {@link health.triage.facts.Patient}, {@link health.triage.facts.Triage}) and the conclusions only rules insert
 * ({@link health.triage.facts.Urgency}, {@link health.triage.facts.Unanswered},
 * {@link health.triage.facts.SourceVerdict}, plus the result parts of {@code health.triage}). Apps do not need this
 * package.
 */
package health.triage.facts;
