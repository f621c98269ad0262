package dev.campaignfn.http;

import dev.campaignfn.common.Page;

/** Seed 004's response envelope: {@code {"success": true, "data": ...}}. */
public record Envelope<T>(boolean success, T data) {

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(true, data);
    }

    /** A page of a list: the items as {@code data} and where they stand in {@code pagination}. */
    public record Paged<T>(boolean success, java.util.List<T> data, Pagination pagination) {

        public static <T> Paged<T> of(Page<T> page) {
            return new Paged<>(true, page.items(),
                    new Pagination(page.page(), page.pageSize(), page.total(), page.totalPages()));
        }
    }

    public record Pagination(int page, int pageSize, long total, int totalPages) {
    }
}
