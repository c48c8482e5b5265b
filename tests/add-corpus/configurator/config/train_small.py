# A run small enough for CI: a few iterations of a narrow network.
hidden_size = 16
max_iters = 15
batch_size = 64
