# SPDX-License-Identifier: ISC
#
# storm_svg.sh: the storm benchmark's pictures, SVG written by awk (no
# plotting package); source it.
#
#   svg_gantt CSV TITLE      per-node timelines of one storm: a row per
#                            client, a bar per phase (its first start to its
#                            last end), a red mark where a client gave up
#   svg_makespan FILE TITLE  makespan against N, a line per server, from
#                            FILE's tab-separated lines "server N makespan_s
#                            gave_up"
#                            (log axes; a count beside a point where clients
#                            gave up)

SVG_COLORS="dhcp #7f7f7f nbp #1f77b4 ldlinux #17becf cfg #bcbd22 include #bcbd22 kernel #2ca02c initrd #ff7f0e"

svg_gantt() {
	awk -F, -v title="$2" -v colors="$SVG_COLORS" '
	NR == 1 { next }
	$4 == "boot" {
		n = $1 > n ? $1 : n
		if ($NF != "booted") { bad[$1] = $7 }
		if ($7 > tmax) tmax = $7
		next
	}
	{
		k = $1 SUBSEP $4
		if (!(k in s) || $6 < s[k]) s[k] = $6
		if ($7 > e[k]) e[k] = $7
		if ($7 > tmax) tmax = $7
	}
	END {
		nc = split(colors, c, " ")
		for (i = 1; i < nc; i += 2) { col[c[i]] = c[i + 1]; order[++np] = c[i] }
		rh = n > 300 ? 1 : n > 100 ? 2 : n > 40 ? 4 : 8
		L = 60; T = 40; W = 840; H = n * rh
		if (tmax <= 0) tmax = 1
		step = nice(tmax / 8)
		printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" " \
		    "height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n",
		    L + W + 20, T + H + 60
		printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
		printf "<text x=\"%d\" y=\"18\" font-size=\"13\">%s</text>\n", L,
		    esc(title)
		for (t = 0; t <= tmax + step / 2; t += step) {
			x = L + t / tmax * W
			if (x > L + W + 1) break
			printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" " \
			    "stroke=\"#ddd\"/>\n", x, T, x, T + H
			printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">" \
			    "%g</text>\n", x, T + H + 14, t
		}
		printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds " \
		    "after power-on</text>\n", L + W / 2, T + H + 28
		printf "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" " \
		    "text-anchor=\"middle\">client (1 to %d)</text>\n",
		    T + H / 2, T + H / 2, n
		for (k in s) {
			split(k, w, SUBSEP)
			x = L + s[k] / tmax * W
			dx = (e[k] - s[k]) / tmax * W
			if (dx < 0.5) dx = 0.5
			printf "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" " \
			    "height=\"%d\" fill=\"%s\"/>\n", x,
			    T + (w[1] - 1) * rh, dx, rh, col[w[2]] ? col[w[2]] : "#000"
		}
		for (i in bad) {
			x = L + bad[i] / tmax * W
			printf "<rect x=\"%.1f\" y=\"%d\" width=\"3\" height=\"%d\" " \
			    "fill=\"#d62728\"/>\n", x - 1, T + (i - 1) * rh, rh
		}
		x = L
		for (i = 1; i <= np; i++) {
			if (order[i] == "include") continue
			printf "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" " \
			    "fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>\n", x,
			    T + H + 38, col[order[i]], x + 14, T + H + 47, order[i]
			x += 80
		}
		printf "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" " \
		    "fill=\"#d62728\"/><text x=\"%d\" y=\"%d\">gave up</text>\n",
		    x, T + H + 38, x + 14, T + H + 47
		print "</svg>"
	}
	function nice(v,   p) {
		p = 1
		while (p * 10 <= v) p *= 10
		while (p > v && p > 0.001) p /= 10
		return v / p >= 5 ? 5 * p : v / p >= 2 ? 2 * p : p
	}
	function esc(t) {
		gsub(/&/, "\\&amp;", t); gsub(/</, "\\&lt;", t); return t
	}' "$1"
}

svg_makespan() {
	awk -F '\t' -v title="$2" '
	{
		if (!($1 in seen)) { seen[$1] = 1; srv[++ns] = $1 }
		if (!($2 in hasn)) { hasn[$2] = 1; ns_n[++nn] = $2 }
		m[$1, $2] = $3; g[$1, $2] = $4
		if ($3 != "-" && $3 > ymax) ymax = $3
		if ($3 != "-" && $3 > 0 && (ymin == "" || $3 < ymin)) ymin = $3
	}
	END {
		split("#1f77b4 #2ca02c #ff7f0e #d62728 #9467bd #8c564b #e377c2 #7f7f7f",
		    pal, " ")
		L = 60; T = 40; W = 560; H = 320
		for (i = 1; i <= nn; i++) {
			lx = log(ns_n[i]) / log(2)
			if (i == 1 || lx < xmin) xmin = lx
			if (i == 1 || lx > xmax) xmax = lx
		}
		if (xmax == xmin) xmax = xmin + 1
		if (ymin <= 0 || ymin > ymax) ymin = ymax > 0 ? ymax : 1
		ylo = int(log(ymin) / log(10) + 100) - 100
		if (log(ymin) / log(10) < ylo) ylo--
		yhi = ylo + 1
		while (exp(yhi * log(10)) < ymax) yhi++
		printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" " \
		    "height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n",
		    L + W + 330, T + H + 50
		printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
		printf "<text x=\"%d\" y=\"18\" font-size=\"13\">%s</text>\n", L,
		    title
		for (d = ylo; d <= yhi; d++)
			for (k = 1; k <= 3; k++) {
				y = (k == 1 ? 1 : k == 2 ? 2 : 5) * exp(d * log(10))
				if (d == yhi && k > 1) break
				py = Y(y)
				printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" " \
				    "y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" " \
				    "y=\"%.1f\" text-anchor=\"end\">%g</text>\n", L,
				    py, L + W, py, L - 6, py + 4, y
			}
		for (i = 1; i <= nn; i++) {
			px = X(ns_n[i])
			printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">" \
			    "%s</text>\n", px, T + H + 16, ns_n[i]
		}
		printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">N (clients " \
		    "powered on at once)</text>\n", L + W / 2, T + H + 34
		printf "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" " \
		    "text-anchor=\"middle\">makespan, s (log)</text>\n", T + H / 2,
		    T + H / 2
		for (j = 1; j <= ns; j++) {
			pts = ""
			for (i = 1; i <= nn; i++)
				if ((srv[j], ns_n[i]) in m && m[srv[j], ns_n[i]] != "-")
					pts = pts sprintf("%.1f,%.1f ", X(ns_n[i]),
					    Y(m[srv[j], ns_n[i]]))
			printf "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" " \
			    "stroke-width=\"2\"/>\n", pts, pal[j]
			for (i = 1; i <= nn; i++) {
				k = srv[j] SUBSEP ns_n[i]
				if (!(k in m) || m[k] == "-") continue
				printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" " \
				    "fill=\"%s\"/>\n", X(ns_n[i]), Y(m[k]), pal[j]
				if (g[k] > 0)
					printf "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">" \
					    "%d gave up</text>\n", X(ns_n[i]) + 5,
					    Y(m[k]) - 4, pal[j], g[k]
			}
			printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" " \
			    "stroke=\"%s\" stroke-width=\"2\"/><text x=\"%d\" " \
			    "y=\"%d\">%s</text>\n", L + W + 80, T + 10 + 18 * j,
			    L + W + 100, T + 10 + 18 * j, pal[j], L + W + 106,
			    T + 14 + 18 * j, srv[j]
		}
		print "</svg>"
	}
	function X(n) { return L + (log(n) / log(2) - xmin) / (xmax - xmin) * W }
	function Y(v) {
		if (v <= 0) v = exp(ylo * log(10))
		return T + H - (log(v) / log(10) - ylo) / (yhi - ylo) * H
	}
	function nice(v,   p) {
		p = 1
		while (p * 10 <= v) p *= 10
		while (p > v && p > 0.001) p /= 10
		return v / p >= 5 ? 5 * p : v / p >= 2 ? 2 * p : p
	}' "$1"
}
