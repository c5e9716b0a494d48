package kahu.store; final class Placeholder {}
