package kernel

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

// Logo colours: Go's cyan and white.
var (
	logoBackground = color.NRGBA{0x00, 0xad, 0xd8, 0xff}
	logoForeground = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

// logoBars are the heights of the logo's four bars, a small bar chart of
// tuning results, as fractions of the drawing area.
var logoBars = []float64{0.40, 0.70, 0.52, 0.86}

// drawLogo draws the kernel logo, a rounded cyan square with white bars,
// size×size pixels, anti-aliased by sampling each pixel on a 4×4 grid.
func drawLogo(size int) *image.NRGBA {
	const samples = 4
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := range size {
		for px := range size {
			var bg, fg int
			for sy := range samples {
				for sx := range samples {
					x := (float64(px) + (float64(sx)+0.5)/samples) / float64(size)
					y := (float64(py) + (float64(sy)+0.5)/samples) / float64(size)
					switch {
					case !inRoundedSquare(x, y, 0.2):
					case inBar(x, y):
						fg++
					default:
						bg++
					}
				}
			}
			img.SetNRGBA(px, py, blend(bg, fg, samples*samples))
		}
	}
	return img
}

// inRoundedSquare reports whether (x, y) in the unit square lies inside
// the square with corners rounded to radius r.
func inRoundedSquare(x, y, r float64) bool {
	cx := math.Max(r, math.Min(1-r, x))
	cy := math.Max(r, math.Min(1-r, y))
	return math.Hypot(x-cx, y-cy) <= r
}

// inBar reports whether (x, y) lies on one of the bars, which stand on a
// common base line.
func inBar(x, y float64) bool {
	const left, right, base, top = 0.18, 0.82, 0.80, 0.16
	if x < left || x > right || y > base {
		return false
	}
	slot := (right - left) / float64(len(logoBars))
	i := min(int((x-left)/slot), len(logoBars)-1)
	offset := x - left - float64(i)*slot
	if offset < 0.12*slot || offset > 0.88*slot {
		return false
	}
	return y >= base-logoBars[i]*(base-top)
}

// blend mixes background and foreground by their sample counts out of n;
// samples outside the shape are transparent.
func blend(bg, fg, n int) color.NRGBA {
	inside := bg + fg
	if inside == 0 {
		return color.NRGBA{}
	}
	mix := func(a, b uint8) uint8 {
		return uint8((int(a)*bg + int(b)*fg) / inside)
	}
	return color.NRGBA{
		R: mix(logoBackground.R, logoForeground.R),
		G: mix(logoBackground.G, logoForeground.G),
		B: mix(logoBackground.B, logoForeground.B),
		A: uint8(255 * inside / n),
	}
}

// writeLogo writes a size×size PNG logo to path.
func writeLogo(path string, size int) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("kernel: install: %w", err)
	}
	if err := png.Encode(f, drawLogo(size)); err != nil {
		f.Close()
		return fmt.Errorf("kernel: install: encoding %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("kernel: install: %w", err)
	}
	return nil
}
