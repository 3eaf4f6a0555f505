package health.triage.rules;

import health.triage.RuleInfo;
import health.triage.TriageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule cites documents the repository contains: each citation of a rule's {@code @source} is
 * {@code document: section (detail)}, where the document is {@code docs/EVIDENCE.md} (the section one of its level-2
 * headings) or one of the five source articles (the section one of the headings listed for it in
 * {@code docs/BIBLIOGRAPHY.md}). Several headings of one document may be joined by "and".
 */
class RuleSourcesTest {

    private static final Path EVIDENCE = Path.of("../docs/EVIDENCE.md");
    private static final Path BIBLIOGRAPHY = Path.of("../docs/BIBLIOGRAPHY.md");

    private static List<RuleInfo> rules;
    private static Map<String, Set<String>> sections;

    @BeforeAll
    static void load() throws IOException {
        try (TriageEngine engine = TriageEngine.builder().build()) {
            rules = engine.rules();
        }
        sections = new HashMap<>();
        sections.put("docs/EVIDENCE.md", headings(EVIDENCE));
        sections.putAll(articleSections(BIBLIOGRAPHY));
    }

    @Test
    void everyCitation_namesADocumentAndSectionTheRepositoryContains() {
        List<String> problems = new ArrayList<>();
        for (RuleInfo rule : rules) {
            for (String citation : citations(rule.source())) {
                String problem = check(citation.trim());
                if (problem != null) {
                    problems.add(rule.id() + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void check_unknownDocumentOrSection_isReported() {
        assertEquals("cites 'clinical-references.md', which is not docs/EVIDENCE.md or an article of docs/BIBLIOGRAPHY.md",
                check("clinical-references.md: Cauda equina syndrome (CES): emergency"));
        assertEquals("cites section 'No such heading' of docs/EVIDENCE.md, which has no such heading",
                check("docs/EVIDENCE.md: No such heading (detail)"));
        assertEquals(null, check("docs/EVIDENCE.md: Fracture (AHCPR 1994)"));
    }

    @Test
    void everyArticle_hasItsCitedSections() {
        assertEquals(5, sections.size() - 1, "five articles in docs/BIBLIOGRAPHY.md");
        sections.forEach((document, headings) -> assertFalse(headings.isEmpty(), document));
        assertTrue(sections.get("002_329dc8b9eea261ee.txt").contains("Warning Signs Requiring Medical Attention"));
    }

    /** The citations of a source, split at the semicolons outside parentheses. */
    private static List<String> citations(String source) {
        List<String> citations = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ';' && depth == 0) {
                citations.add(source.substring(start, i));
                start = i + 1;
            }
        }
        citations.add(source.substring(start));
        return citations;
    }

    /** Why a citation does not resolve, or null when it does. */
    private static String check(String citation) {
        int colon = citation.indexOf(": ");
        if (colon < 0) {
            return "'" + citation + "' is not of the form 'document: section'";
        }
        String document = citation.substring(0, colon);
        Set<String> headings = sections.get(document);
        if (headings == null) {
            return "cites '" + document + "', which is not docs/EVIDENCE.md or an article of docs/BIBLIOGRAPHY.md";
        }
        String section = withoutDetail(citation.substring(colon + 2)).trim();
        return joined(section, headings) ? null
                : "cites section '" + section + "' of " + document + ", which has no such heading";
    }

    /** The text before a trailing " (detail)". */
    private static String withoutDetail(String section) {
        int open = section.indexOf(" (");
        return open < 0 ? section : section.substring(0, open);
    }

    /** Whether a section is one heading, or headings joined by " and ". */
    private static boolean joined(String section, Set<String> headings) {
        if (headings.contains(section)) {
            return true;
        }
        for (int at = section.indexOf(" and "); at >= 0; at = section.indexOf(" and ", at + 1)) {
            if (headings.contains(section.substring(0, at)) && joined(section.substring(at + 5), headings)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> headings(Path markdown) throws IOException {
        Set<String> headings = new HashSet<>();
        for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                headings.add(line.substring(3).trim());
            }
        }
        return headings;
    }

    /** For each article (a level-2 heading that is its file name), the headings listed under it. */
    private static Map<String, Set<String>> articleSections(Path bibliography) throws IOException {
        Map<String, Set<String>> articles = new HashMap<>();
        Set<String> current = null;
        for (String line : Files.readAllLines(bibliography, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                current = new HashSet<>();
                articles.put(line.substring(3).trim(), current);
            } else if (current != null && line.startsWith("- ") && !line.startsWith("- **")) {
                current.add(line.substring(2).trim());
            }
        }
        return articles;
    }
}
