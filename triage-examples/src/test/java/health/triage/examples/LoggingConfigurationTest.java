package health.triage.examples;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The command line's logback.xml: Drools logs every evaluation at DEBUG unless told otherwise, and nothing may log
 * case content above DEBUG, so everything defaults to warnings only.
 */
class LoggingConfigurationTest {

    private static Level effective(String logger) {
        return ((Logger) LoggerFactory.getLogger(logger)).getEffectiveLevel();
    }

    @Test
    void logging_isConfiguredByTheShippedFile() {
        ClassLoader loader = LoggingConfigurationTest.class.getClassLoader();
        assertNotNull(loader.getResource("logback.xml"), "logback.xml is not on the classpath");
        assertNull(loader.getResource("logback-test.xml"), "a logback-test.xml would hide the shipped configuration");
    }

    @Test
    void logging_droolsAndKieLogWarningsOnly() {
        assertEquals(Level.WARN, effective("org.drools"));
        assertEquals(Level.WARN, effective("org.drools.core.reteoo.SomeClass"));
        assertEquals(Level.WARN, effective("org.kie"));
    }

    @Test
    void logging_thisLibraryAndEverythingElseLogWarningsOnlyByDefault() {
        assertEquals(Level.WARN, effective("health.triage"));
        assertEquals(Level.WARN, effective("health.triage.internal.CompiledRuleBase"));
        assertEquals(Level.WARN, effective(org.slf4j.Logger.ROOT_LOGGER_NAME));
    }
}
