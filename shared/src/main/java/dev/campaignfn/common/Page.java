package dev.campaignfn.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to ask for the next. Pages count from 1. */
public record Page<T>(List<T> items, int page, int pageSize, long total) {

    public int totalPages() {
        return pageSize == 0 ? 0 : (int) ((total + pageSize - 1) / pageSize);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, pageSize, total);
    }
}
