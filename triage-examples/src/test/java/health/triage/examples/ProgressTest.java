package health.triage.examples;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    @Test
    void finish_afterEveryCaseOfOneFile_drawsAFullBarWithTheCountAndEndsTheLine() {
        StringWriter text = new StringWriter();
        Progress progress = Progress.to(new PrintWriter(text));
        progress.inputs(1);
        progress.startInput(0, 4);
        for (int i = 0; i < 4; i++) {
            progress.caseDone();
        }
        progress.finish();
        String last = text.toString().substring(text.toString().lastIndexOf('\r') + 1);
        assertTrue(last.startsWith("[####################] 100%  4 of 4 cases  "), last);
        assertTrue(last.endsWith("/s" + System.lineSeparator()), last);
    }

    @Test
    void draw_withSeveralFiles_countsFilesAndCases() {
        StringWriter text = new StringWriter();
        Progress progress = Progress.to(new PrintWriter(text));
        progress.inputs(4);
        progress.startInput(1, 10); // the first draw: file 2 of 4 just started, a quarter done
        assertTrue(text.toString().startsWith("\r[#####...............]  25%  0 cases, file 2 of 4  "), text.toString());
    }

    @Test
    void clear_erasesTheBarSoAMessageStartsAtTheLineStart() {
        StringWriter text = new StringWriter();
        Progress progress = Progress.to(new PrintWriter(text));
        progress.startInput(0, 2);
        int drawn = text.toString().length() - 1; // without the leading carriage return
        progress.clear();
        assertTrue(text.toString().endsWith("\r" + " ".repeat(drawn) + "\r"), text.toString());
    }

    @Test
    void none_drawsNothing() {
        Progress progress = Progress.none();
        progress.startInput(0, 3);
        progress.caseDone();
        progress.clear();
        progress.finish(); // nothing to assert but that nothing fails: there is no writer
        assertEquals(Progress.class, progress.getClass());
    }
}
