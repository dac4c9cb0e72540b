package callcenter.web.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Other names a request field is accepted under (api.md section 1: the seed backends' snake_case names such as
 * {@code phone_number}). The first name present wins, the component's own name first.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Alias {
    String[] value();
}
