package io.sagashop.gateway.order;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of order runs, newest first.
 *
 * @param nextPageToken opaque: sent back as {@code pageToken}, it asks for the next page;
 * null on the last page
 */
record OrderRunPage(List<OrderRun> items, @Nullable String nextPageToken) {
}
