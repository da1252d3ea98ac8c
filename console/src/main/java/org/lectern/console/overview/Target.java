package org.lectern.console.overview;

/**
 * Where a click on the overview leads.
 *
 * @param view the view's id ({@code members}, {@code broker}, {@code balancer}, {@code replicas}, {@code events})
 * @param item what to select there (a node id, a queue), or empty
 */
public record Target(String view, String item) {
}
