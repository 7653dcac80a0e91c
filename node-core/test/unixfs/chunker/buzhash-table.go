// Regenerates the byte table of Kubo's buzhash chunker the way boxo's
// chunker/gen/main.go describes making it: entries 0..127 start as all ones
// and 128..255 as zeros; then, for 200 rounds and each of the 32 bit
// positions, Go's math/rand seeded with 0 draws a permutation of 0..255, and
// each entry i trades that bit with entry perm[i]. Prints one value a line.
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	source := rand.New(rand.NewSource(0))
	var entries [256]uint32
	for i := 0; i < 128; i++ {
		entries[i] = ^uint32(0)
	}
	for round := 0; round < 200; round++ {
		for bit := 0; bit < 32; bit++ {
			one := uint32(1) << bit
			for i, j := range source.Perm(256) {
				a, b := entries[i], entries[j]
				entries[i] = (a &^ one) | (b & one)
				entries[j] = (b &^ one) | (a & one)
			}
		}
	}
	for _, v := range entries {
		fmt.Println(v)
	}
}
