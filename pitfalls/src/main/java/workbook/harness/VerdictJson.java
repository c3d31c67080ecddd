package workbook.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Verdicts as JSON, for machines: the same fields as the record, plus whether the outcome was the expected one. */
public final class VerdictJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private VerdictJson() {
    }

    public static String write(Verdict verdict) {
        Map<String, Object> json = MAPPER.convertValue(verdict, MAPPER.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        json.put("asExpected", verdict.variant().expected() == null ? null : verdict.asExpected());
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Verdict read(String json) {
        try {
            return MAPPER.readValue(json, Verdict.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a verdict: " + e.getMessage(), e);
        }
    }
}
