package callcenter.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import callcenter.common.CallCenterException;
import callcenter.common.Text;

/**
 * Reads {@code application/x-www-form-urlencoded} bodies (the token endpoint, Africa's Talking callbacks) strictly:
 * a broken escape ({@code %zz}, a lone {@code %}) or bytes that are not text in the body's charset are a 400, as is
 * a NUL or an unpaired surrogate in a name or value, where a lenient decoder would pass replacement characters or
 * NULs on to the database. The charset is the Content-Type's (vetted by {@link CharsetFilter}), else UTF-8.
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FormReader implements MessageBodyReader<MultivaluedMap<String, String>> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MultivaluedMap.class;
    }

    @Override
    public MultivaluedMap<String, String> readFrom(Class<MultivaluedMap<String, String>> type, Type genericType,
                                                   Annotation[] annotations, MediaType mediaType,
                                                   MultivaluedMap<String, String> headers, InputStream body)
            throws IOException {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        return parse(body.readAllBytes(), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
    }

    static MultivaluedMap<String, String> parse(byte[] body, Charset charset) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        String text = decode(body, StandardCharsets.ISO_8859_1); // the escapes are ASCII; other bytes kept as they are
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = unescape(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : unescape(pair.substring(equals + 1), charset);
            if (!Text.storable(name) || !Text.storable(value)) {
                throw CallCenterException.invalid(Text.storable(name) ? name : "form", Text.UNSTORABLE);
            }
            form.add(name, value);
        }
        return form;
    }

    /** Percent-decodes one name or value: the escaped and raw bytes are then read as {@code charset}. */
    private static String unescape(String escaped, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= escaped.length()) {
                    throw undecodable();
                }
                int high = Character.digit(escaped.charAt(i + 1), 16);
                int low = Character.digit(escaped.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw undecodable();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c); // a raw byte of the body (ISO-8859-1 maps bytes to chars one to one)
            }
        }
        return decode(bytes.toByteArray(), charset);
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw undecodable();
        }
    }

    private static CallCenterException undecodable() {
        return new CallCenterException(400, "malformed-body", "Malformed body",
                "The form cannot be decoded (a broken %-escape, or bytes that are not text in its charset)");
    }
}
