package callcenter.web.calls;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import callcenter.calls.boundary.CallView;
import callcenter.common.JsonP;
import callcenter.common.Page;

/** A page of calls: {@code {"items": [call, ...], "nextCursor": "..."|null}}. */
final class CallJson {

    private CallJson() {
    }

    static JsonObject page(Page<CallView> page) {
        JsonArrayBuilder items = JsonP.createArrayBuilder();
        page.items().forEach(call -> items.add(call.toJson()));
        JsonObjectBuilder json = JsonP.createObjectBuilder().add("items", items);
        if (page.nextCursor() == null) {
            json.addNull("nextCursor");
        } else {
            json.add("nextCursor", page.nextCursor());
        }
        return json.build();
    }
}
