package health.triage.service;

import org.eclipse.jetty.io.content.AsyncContent;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Bodies being read share one memory budget, counted as their bytes arrive: a slow body holds only what it sent, a
 * body beyond what is left is refused, and every byte comes back when its request is answered.
 */
class BodyBudgetTest {

    @Test
    void bytesAreCountedAsTheyArrive_aBodyBeyondWhatIsLeftIsRefused_andEverythingComesBack() throws Exception {
        BodyBudget budget = new BodyBudget(100);
        AsyncContent slow = new AsyncContent();
        BodyBudget.Reading first = budget.read(slow);
        slow.write(false, ByteBuffer.wrap(new byte[60]), Callback.NOOP);
        assertEquals(40, budget.left(), "a slow body holds what it has sent so far");
        assertFalse(first.bytes.isDone());

        AsyncContent big = new AsyncContent();
        BodyBudget.Reading second = budget.read(big);
        big.write(false, ByteBuffer.wrap(new byte[50]), Callback.NOOP);
        ExecutionException refused = assertThrows(ExecutionException.class, second.bytes::get);
        assertInstanceOf(BodyBudget.Spent.class, refused.getCause());
        second.release();
        assertEquals(40, budget.left(), "a refused body holds nothing");

        slow.write(true, ByteBuffer.wrap(new byte[10]), Callback.NOOP);
        assertEquals(70, first.bytes.get().length);
        assertEquals(30, budget.left(), "a body read whole is held until its request is answered");
        first.release();
        first.release();
        assertEquals(100, budget.left(), "released once, whatever the number of calls");
    }
}
