package health.triage.internal;

import health.triage.Finding;
import health.triage.facts.Answer;

import org.drools.base.base.ValueResolver;
import org.drools.base.common.NetworkNode;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AccumulateNode;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which answers of each finding the rules can tell apart, read off the compiled rule network: an {@link Answer} fact
 * goes through the network's tests on single facts (Drools' alpha network: {@code code == "fever"},
 * {@code present}, {@code finding.role == ...}) to the joins, negations and collections of the rules that use it. Two
 * answers of one finding that reach exactly the same of those are indistinguishable to every rule, as long as rules
 * test an answer's state in its own pattern: a rule then either sees both or neither. A collection of answers that
 * does not test their state (a concept's definition, {@link health.triage.facts.Concept}) receives every answer and
 * tells them apart in its result, so every answer that reaches one counts as told apart. The next-question planner uses it to skip assessing an answer that cannot change anything.
 */
final class FindingReads {

    private final KieBase kieBase;
    /** For each finding, the network nodes its answer reaches (yes, no, not asked); read on first use. */
    private volatile Map<Finding, List<Set<Integer>>> reached;

    private FindingReads(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** The answers a compiled rule base tells apart; its network is read on the first question, once. */
    static FindingReads of(KieBase kieBase) {
        return new FindingReads(kieBase);
    }

    /** Whether some rule can tell a finding answered {@code answer} (yes or no) from the finding not asked. */
    boolean tellsFromUnknown(Finding finding, boolean answer) {
        Map<Finding, List<Set<Integer>>> read = reached;
        if (read == null) {
            read = read(kieBase);
            reached = read;
        }
        List<Set<Integer>> nodes = read.get(finding);
        return !nodes.get(answer ? 0 : 1).equals(nodes.get(2));
    }

    private static Map<Finding, List<Set<Integer>>> read(KieBase kieBase) {
        List<ObjectTypeNode> answerTypes = ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes().stream()
                .filter(node -> node.getObjectType().isAssignableFrom(Answer.class))
                .toList();
        Map<Finding, List<Set<Integer>>> reached = new EnumMap<>(Finding.class);
        KieSession session = kieBase.newKieSession();
        try {
            for (Finding finding : Finding.values()) {
                reached.put(finding, List.of(reach(answerTypes, session, Answer.of(finding, true), 0),
                        reach(answerTypes, session, Answer.of(finding, false), 1),
                        reach(answerTypes, session, Answer.of(finding, null), 2)));
            }
        } finally {
            session.dispose();
        }
        return reached;
    }

    /** The nodes an answer reaches; the session, which is never fired, only holds it and resolves the tests. */
    private static Set<Integer> reach(List<ObjectTypeNode> answerTypes, KieSession session, Answer answer,
                                      int state) {
        Set<Integer> nodes = new TreeSet<>();
        FactHandle handle = session.insert(answer);
        answerTypes.forEach(type -> reach(type, handle, (ValueResolver) session, nodes, state));
        return nodes;
    }

    /** Follows the fact from a node through every single-fact test it passes, collecting the nodes beyond them. */
    private static void reach(ObjectSource source, FactHandle handle, ValueResolver resolver,
                              Set<Integer> nodes, int state) {
        for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
            if (sink instanceof AlphaNode alpha) {
                if (alpha.getConstraint().isAllowed(handle, resolver)) {
                    reach(alpha, handle, resolver, nodes, state);
                }
            } else if (sink instanceof AccumulateNode collection) {
                // a collection sees the answer in every state and its result tells them apart: a node per state
                nodes.add(-1 - (collection.getId() * 3 + state));
            } else {
                nodes.add(((NetworkNode) sink).getId());
            }
        }
    }
}
