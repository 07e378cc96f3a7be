package org.il2sim.io.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean ...?" for a misspelt id: the accepted ids closest to it by edit distance, ignoring case. */
final class Suggestions {

    /** At most this many suggestions. */
    private static final int MOST = 3;

    private Suggestions() {
    }

    /**
     * The text to put after "unknown X 'id'": " (did you mean 'A' or 'B'?)" when some accepted id is close (an edit
     * distance of at most a third of the id's length, at least 1, ignoring case), else "".
     */
    static String didYouMean(String id, Collection<String> accepted) {
        String key = id.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, key.length() / 3);
        record Candidate(String id, int distance) {
        }
        List<Candidate> close = new ArrayList<>();
        for (String a : accepted) {
            int d = distance(key, a.toLowerCase(Locale.ROOT));
            if (d <= limit) {
                close.add(new Candidate(a, d));
            }
        }
        if (close.isEmpty()) {
            return "";
        }
        close.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::id));
        List<String> names = close.stream().limit(MOST).map(c -> "'" + c.id() + "'").toList();
        return " (did you mean " + String.join(" or ", names) + "?)";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
