package callcenter.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;

class PhoneNumbersTest {

    @Test
    void nationalNumbersAreReadInTheDefaultRegion() {
        assertEquals("+254711000111", PhoneNumbers.normalize("0711000111", "KE", "phoneNumber"));
        assertEquals("+254711000111", PhoneNumbers.normalize(" 0711 000 111 ", "KE", "phoneNumber"));
    }

    @Test
    void internationalNumbersKeepTheirCountry() {
        assertEquals("+12025550133", PhoneNumbers.normalize("+1 202 555 0133", "KE", "phoneNumber"));
        assertEquals("+254711000111", PhoneNumbers.normalize("+254711000111", "US", "phoneNumber"));
    }

    @Test
    void garbageIsAFieldError() {
        for (String bad : new String[]{"garbage", "12", "+999 12", "", "   ", null, "0".repeat(100)}) {
            CallCenterException e = assertThrows(CallCenterException.class,
                    () -> PhoneNumbers.normalize(bad, "KE", "phoneNumber"), String.valueOf(bad));
            assertEquals(400, e.status());
            assertEquals("phoneNumber", e.errors().get(0).field());
        }
    }
}
