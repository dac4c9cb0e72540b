package callcenter.agents.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import callcenter.common.CallCenterException;

class AgentStatusTest {

    private static final BooleanSupplier NEVER_ASKED = () -> {
        throw new AssertionError("this query is not needed here");
    };

    @Test
    void wireNamesAreTheContractsAndTheDatabases() {
        assertEquals("available", AgentStatus.AVAILABLE.wireName());
        assertEquals("busy", AgentStatus.BUSY.wireName());
        assertEquals("away", AgentStatus.AWAY.wireName());
        assertEquals("offline", AgentStatus.OFFLINE.wireName());
        for (AgentStatus status : AgentStatus.values()) {
            assertEquals(Optional.of(status), AgentStatus.fromWire(status.wireName()));
        }
        assertEquals(Optional.empty(), AgentStatus.fromWire("AVAILABLE"));
        assertEquals(Optional.empty(), AgentStatus.fromWire(null));
    }

    @Test
    void theConverterStoresTheWireName() {
        AgentStatusConverter converter = new AgentStatusConverter();
        assertEquals("away", converter.convertToDatabaseColumn(AgentStatus.AWAY));
        assertEquals(AgentStatus.BUSY, converter.convertToEntityAttribute("busy"));
        assertEquals(null, converter.convertToDatabaseColumn(null));
        assertThrows(IllegalStateException.class, () -> converter.convertToEntityAttribute("asleep"));
    }

    @Test
    void anAgentMayAskToBeAvailableOrAway() {
        assertEquals(AgentStatus.AVAILABLE, AgentStatus.requested("available"));
        assertEquals(AgentStatus.AWAY, AgentStatus.requested("away"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"busy", "offline", "asleep", "Away", ""})
    void anythingElseIsABadRequestNamingTheField(String asked) {
        CallCenterException e = assertThrows(CallCenterException.class, () -> AgentStatus.requested(asked));
        assertEquals(400, e.status());
        assertEquals("status: must be available or away", e.detail());
    }

    @Test
    void registeringMakesAnAgentAvailableOrBusyWhileOnACall() {
        assertEquals(AgentStatus.AVAILABLE, AgentStatus.registered(false));
        assertEquals(AgentStatus.BUSY, AgentStatus.registered(true));
    }

    @Test
    void askingToBeAvailableDuringACallKeepsTheAgentBusy() {
        assertEquals(AgentStatus.BUSY, AgentStatus.AVAILABLE.askedFor(true));
        assertEquals(AgentStatus.AVAILABLE, AgentStatus.AVAILABLE.askedFor(false));
        assertEquals(AgentStatus.AWAY, AgentStatus.AWAY.askedFor(true));
    }

    @Test
    void takingACallMakesAnyAgentBusyWithoutAskingTheDatabase() {
        assertEquals(Optional.of(AgentStatus.BUSY), AgentStatus.AVAILABLE.afterCall(true, NEVER_ASKED, NEVER_ASKED));
        assertEquals(Optional.of(AgentStatus.BUSY), AgentStatus.AWAY.afterCall(true, NEVER_ASKED, NEVER_ASKED));
        assertEquals(Optional.of(AgentStatus.BUSY), AgentStatus.OFFLINE.afterCall(true, NEVER_ASKED, NEVER_ASKED));
        assertEquals(Optional.empty(), AgentStatus.BUSY.afterCall(true, NEVER_ASKED, NEVER_ASKED), "busy already");
    }

    @Test
    void whenACallEndsABusyAgentIsAvailableIfConnectedElseOffline() {
        assertEquals(Optional.of(AgentStatus.AVAILABLE), AgentStatus.BUSY.afterCall(false, () -> false, () -> true));
        assertEquals(Optional.of(AgentStatus.OFFLINE), AgentStatus.BUSY.afterCall(false, () -> false, () -> false));
        assertEquals(Optional.empty(), AgentStatus.BUSY.afterCall(false, () -> true, NEVER_ASKED),
                "another call is still active");
    }

    @Test
    void whenACallEndsAnAgentThatIsNotBusyStaysAsItIs() {
        for (AgentStatus status : new AgentStatus[] {AgentStatus.AVAILABLE, AgentStatus.AWAY, AgentStatus.OFFLINE}) {
            assertEquals(Optional.empty(), status.afterCall(false, NEVER_ASKED, NEVER_ASKED), status.wireName());
        }
    }
}
