// Package nets holds the image architectures of the DCGAN, Pix2pix and CycleGAN references,
// scaled down to 28-64 px so that they train in a browser:
//
//   - UNet, the Pix2pix generator (Isola et al. 2017), built inside-out from one recursive
//     SkipBlock as the reference's UnetSkipConnectionBlock;
//   - PatchGAN, the reference's NLayerDiscriminator, which scores every N×N patch
//     (ReceptiveField gives N: 70 for three layers);
//   - ResNetGenerator with ResnetBlocks and reflection padding, the CycleGAN generator
//     (Zhu et al. 2017; after Johnson et al. 2016);
//   - DCGANGenerator and DCGANDiscriminator for 28×28 digits, optionally class-conditional
//     (Mirza & Osindero 2014);
//   - ImagePool, CycleGAN's history of generated images for the discriminators.
//
// Every network is an nn.Module that also implements nn.Container, nn.Stateful and
// nn.Switchable, so nn.Walk, nn.InitGAN, nn.State and nn.SetTraining reach every layer.
// Parameter names follow the PyTorch reference (for example "model.model.1.model.1.weight"
// for the U-Net's second down-convolution, "model.10.conv_block.1.weight" in a ResNet
// generator), so state dicts trained with the reference load by name with models/weights.
//
// Constructors validate their config and return an error; Forward panics (with a "nets: "
// message) on an input whose shape the network cannot take. Randomness (initial weights,
// dropout masks, the image pool's choices) comes only from the *rand.Rand passed in.
package nets
