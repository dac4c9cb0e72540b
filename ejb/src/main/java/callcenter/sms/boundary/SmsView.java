package callcenter.sms.boundary;

import java.util.UUID;

import jakarta.json.bind.annotation.JsonbNillable;

import callcenter.common.Times;
import callcenter.sms.entity.SmsMessage;

/** An SMS as {@code GET /api/sms} lists it and {@code sms:received} pushes it. */
@JsonbNillable
public record SmsView(UUID id, String from, String to, String text, String receivedAt) {

    static SmsView of(SmsMessage sms) {
        return new SmsView(sms.id(), sms.fromNumber(), sms.toNumber(), sms.text(), Times.iso(sms.receivedAt()));
    }
}
