package kahu.stix; final class Placeholder {}
