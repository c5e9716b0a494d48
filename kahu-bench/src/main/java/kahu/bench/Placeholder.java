package kahu.bench; final class Placeholder {}
