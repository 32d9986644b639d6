#!/bin/sh
# Trains the pretrained weights of the image demos, one after another, from the repository
# root: sh models/pretrained/train.sh. Each line is the command listed in docs/image-gans.md.
set -e
go build -o /tmp/ganctl-pretrained ./cmd/ganctl
g=/tmp/ganctl-pretrained
$g train-image --model pix2pix-edges  --steps 4000 --seed 1 --every 250 --out models/pretrained/pix2pix-edges.safetensors
$g train-image --model pix2pix-sketch --steps 12000 --seed 1 --every 250 --out models/pretrained/pix2pix-sketch.safetensors
$g train-image --model cgan           --steps 1500 --seed 1 --every 100 --batch 64 --out models/pretrained/cgan.safetensors
$g train-image --model cyclegan       --steps 2000 --seed 1 --every 100 --out models/pretrained/cyclegan.safetensors
$g train-image --model dcgan          --steps 2000 --seed 1 --every 100 --batch 64 --out models/pretrained/dcgan.safetensors
