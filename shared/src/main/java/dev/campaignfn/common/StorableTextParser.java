package dev.campaignfn.common;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * Checks every string and property name of an API body as it is parsed, so that every field of every request
 * (typed, or free-form like a rule's configuration) gets the same rule without each deserializer knowing it.
 */
final class StorableTextParser extends JsonParserDelegate {

    private StorableTextParser(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return checked(super.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return checked(super.nextValue());
    }

    private JsonToken checked(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
            String problem = StorableText.problem(getText());
            if (problem != null) {
                boolean name = token == JsonToken.FIELD_NAME;
                String field = path(name ? getParsingContext().getParent() : getParsingContext());
                throw new RejectedTextException(this, field, name ? "has a property name that " + problem : problem);
            }
        }
        return token;
    }

    /** The API's spelling of the value {@code context} is at: {@code actions[0].params.note}, or {@code body} at the top. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            path.insert(0, at.inArray() ? "[" + Math.max(0, at.getCurrentIndex()) + "]"
                    : at.getCurrentName() == null ? "" : "." + at.getCurrentName());
        }
        String spelled = path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
        return spelled.isEmpty() ? "body" : spelled;
    }

    /** A factory of these parsers, with {@code base}'s settings. */
    static final class Factory extends JsonFactory {

        private static final long serialVersionUID = 1L;

        Factory(JsonFactory base) {
            super(base, null);
        }

        @Override
        public JsonFactory copy() {
            return new Factory(this);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            return new StorableTextParser(super._createParser(in, ctxt));
        }

        @Override
        protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new StorableTextParser(super._createParser(r, ctxt));
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) throws IOException {
            return new StorableTextParser(super._createParser(data, offset, len, ctxt, recyclable));
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            return new StorableTextParser(super._createParser(data, offset, len, ctxt));
        }

        @Override
        protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
            return new StorableTextParser(super._createParser(input, ctxt));
        }
    }
}
