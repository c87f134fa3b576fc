package org.keyhaven.kmip.xml;

import java.util.List;
import java.util.Objects;

/**
 * One OASIS KMIP profile test case: the ordered request/response exchanges of one file.
 *
 * @param name the test case, e.g. {@code SKLC-M-1-14}
 * @param exchanges in file order; never empty
 */
public record KmipTestCase(String name, List<Exchange> exchanges) {

    public KmipTestCase {
        Objects.requireNonNull(name, "name");
        exchanges = List.copyOf(exchanges);
    }

    /**
     * A request and the response the server must give to it.
     *
     * @param index position in the test case, from 0
     * @param request a RequestMessage
     * @param response a ResponseMessage
     */
    public record Exchange(int index, TemplateItem.Composite request, TemplateItem.Composite response) {

        public Exchange {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(response, "response");
        }
    }
}
